module TopModule(input clk, input reset, input [1:0] coin, input cancel,
                 output reg dispense, output reg [5:0] change, output reg [4:0] credit);
  reg [5:0] v, total;
  always @* begin
    case (coin)
      2'b01:   v = 6'd5;
      2'b10:   v = 6'd10;
      2'b11:   v = 6'd25;
      default: v = 6'd0;
    endcase
    total = {1'b0, credit} + v;
  end
  always @(posedge clk) begin
    if (reset) begin
      credit <= 5'd0; change <= 6'd0; dispense <= 1'b0;
    end else if (cancel) begin
      credit <= 5'd0; change <= total; dispense <= 1'b0;
    end else if (total > 6'd30) begin
      credit <= 5'd0; change <= total - 6'd30; dispense <= 1'b1;
    end else begin
      credit <= total[4:0]; change <= 6'd0; dispense <= 1'b0;
    end
  end
endmodule
