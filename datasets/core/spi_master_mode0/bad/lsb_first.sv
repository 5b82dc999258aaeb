module TopModule(input clk, input reset, input start, input [7:0] tx_data, input miso,
                 output sclk, output mosi, output cs_n, output reg busy, output reg done,
                 output reg [7:0] rx_data);
  reg [4:0] c;
  reg [7:0] txs, rxs;
  wire [2:0] bit_sel = c[4:2];              // bit 0 first

  always @(posedge clk) begin
    if (reset) begin
      busy <= 1'b0;
      done <= 1'b0;
      c <= 5'd0;
      txs <= 8'h00;
      rxs <= 8'h00;
      rx_data <= 8'h00;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          busy <= 1'b1;
          c <= 5'd0;
          txs <= tx_data;
        end
      end else begin
        if (c[1:0] == 2'd1) rxs <= {miso, rxs[7:1]};
        if (c == 5'd31) begin
          busy <= 1'b0;
          done <= 1'b1;
          rx_data <= rxs;
        end
        c <= c + 5'd1;
      end
    end
  end

  assign cs_n = !busy;
  assign sclk = busy && c[1];
  assign mosi = busy && txs[bit_sel];
endmodule
