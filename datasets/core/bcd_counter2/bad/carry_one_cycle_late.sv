module TopModule(input clk, input reset, input en, output reg [3:0] tens,
                 output reg [3:0] ones, output reg carry);
  always @(posedge clk) begin
    if (reset) begin
      tens <= 4'd0; ones <= 4'd0; carry <= 1'b0;
    end else begin
      carry <= 1'b0;
      if (en) begin
        if (ones == 4'd9) begin
          ones <= 4'd0;
          if (tens == 4'd9) begin
            tens <= 4'd0; carry <= 1'b1;     // registered: pulse after the wrap
          end else tens <= tens + 4'd1;
        end else begin
          ones <= ones + 4'd1;
        end
      end
    end
  end
endmodule
