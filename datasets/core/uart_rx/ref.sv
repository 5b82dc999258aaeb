module RefModule #(parameter CLKS_PER_BIT = 4)
                  (input clk, input reset, input rx, output reg [7:0] data,
                   output reg data_valid, output reg framing_error);
  localparam HALF = CLKS_PER_BIT / 2;
  reg active;
  reg [3:0] k;            // index of the next sample: 0 start, 1..8 data, 9 stop
  reg [15:0] wait_cnt;    // edges to skip before the next sample
  reg [7:0] shreg;

  always @(posedge clk) begin
    if (reset) begin
      active <= 1'b0;
      k <= 4'd0;
      wait_cnt <= 16'd0;
      shreg <= 8'h00;
      data <= 8'h00;
      data_valid <= 1'b0;
      framing_error <= 1'b0;
    end else begin
      data_valid <= 1'b0;
      framing_error <= 1'b0;
      if (!active) begin
        if (!rx) begin
          active <= 1'b1;
          k <= 4'd0;
          wait_cnt <= HALF - 1;
        end
      end else if (wait_cnt != 16'd0) begin
        wait_cnt <= wait_cnt - 16'd1;
      end else begin
        wait_cnt <= CLKS_PER_BIT - 1;
        if (k == 4'd0) begin
          if (rx) active <= 1'b0;
          else k <= 4'd1;
        end else if (k <= 4'd8) begin
          shreg <= {rx, shreg[7:1]};
          k <= k + 4'd1;
        end else begin
          active <= 1'b0;
          data <= shreg;
          data_valid <= rx;
          framing_error <= !rx;
        end
      end
    end
  end
endmodule
